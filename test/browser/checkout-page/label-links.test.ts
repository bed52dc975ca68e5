import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { checkboxField } from '../../../src/checkout-page/views/field.ts';

/** A custom field label as the checkout renders it, in a real DOM. */
async function renderLabel(label: string) {
  const el = await fixture(
    html`<div>${checkboxField({ id: 'cf-terms', label, required: true }, html`<input type="checkbox" id="cf-terms">`)}</div>`,
  );
  return el.querySelector('label')!;
}

describe('custom field labels with links', () => {
  it('renders [text](https://…) as a real anchor opening in a new tab', async () => {
    const label = await renderLabel('I accept the [terms of service](https://shop.example/terms) and more');
    const links = label.querySelectorAll('a');
    expect(links.length).to.equal(1);
    expect(links[0]?.getAttribute('href')).to.equal('https://shop.example/terms');
    expect(links[0]?.textContent).to.equal('terms of service');
    expect(links[0]?.target).to.equal('_blank');
    expect(links[0]?.rel).to.equal('noopener');
    expect(label.textContent!.replace(/\s+/g, ' ')).to.contain('I accept the terms of service and more');
  });

  it('keeps a hostile label as text: no markup, no script URL, no other Markdown', async () => {
    const hostile =
      '<img src=x onerror="window.__pwned=1"> **bold** [click](javascript:alert(1)) [data](data:text/html,x) ' +
      '[plain](http://shop.example) [<b>x</b>](https://ok.example/"onmouseover="x)';
    const label = await renderLabel(hostile);
    expect(label.querySelectorAll('img, b, strong, script').length).to.equal(0);
    for (const a of label.querySelectorAll('a')) expect(new URL(a.href).protocol).to.equal('https:');
    const anchors = [...label.querySelectorAll('a')];
    expect(anchors.map((a) => a.textContent)).to.deep.equal(['<b>x</b>']);
    expect(anchors[0]?.getAttribute('href')).to.equal('https://ok.example/%22onmouseover=%22x');
    expect(label.textContent).to.contain(
      '<img src=x onerror="window.__pwned=1"> **bold** [click](javascript:alert(1))',
    );
    expect(label.textContent).to.contain('[plain](http://shop.example)');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
