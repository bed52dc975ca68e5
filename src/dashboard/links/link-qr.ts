import { correction, generate } from 'lean-qr';
import { toSvg, toSvgDataURL } from 'lean-qr/extras/svg';

/** A QR code of a link, drawn and ready to download. */
export interface LinkQr {
  /** The URL it encodes. */
  url: string;
  /** The code as an SVG element (built with DOM calls, no markup parsed), for the page. */
  svg: SVGElement;
  /** `data:` URLs of the SVG and PNG files to download. */
  svgFile: string;
  pngFile: string;
}

/** The link URL a QR code carries: with `utm_source=qr` when asked, so scans show apart in the link's stats. */
export function qrTargetUrl(linkUrl: string, tagged: boolean): string {
  if (!tagged) return linkUrl;
  const url = new URL(linkUrl);
  url.searchParams.set('utm_source', 'qr');
  return url.href;
}

/**
 * Encodes `url` with lean-qr (error correction M or better, a 4-module quiet
 * zone as the standard asks). Loaded with Share and embed only: the
 * dashboard's first load does not carry it.
 */
export function linkQr(url: string): LinkQr {
  const code = generate(url, { minCorrectionLevel: correction.M });
  const colours = { on: '#000000', off: '#ffffff', pad: 4 };
  return {
    url,
    svg: toSvg(code, document, { ...colours, width: 192, height: 192 }),
    svgFile: toSvgDataURL(code, { ...colours, scale: 10 }),
    pngFile: code.toDataURL({ type: 'image/png', scale: 10, pad: 4, on: [0, 0, 0, 255], off: [255, 255, 255, 255] }),
  };
}
