import { html } from 'lit';
import { LOCALE_NAMES, type Locale } from '../../i18n/locales.ts';
import { lang, t } from '../strings.ts';

/** The language switcher: a labelled select, each language in its own name and tagged with its language. */
export function renderLanguageSwitcher(onChange: (locale: Locale) => void) {
  const current = lang();
  return html`<div class="language">
    <label for="locale-switcher">${t('language')}</label>
    <select id="locale-switcher" autocomplete="off" @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as Locale)}>
      ${Object.entries(LOCALE_NAMES).map(
        ([tag, name]) => html`<option value=${tag} lang=${tag} ?selected=${tag === current}>${name}</option>`,
      )}
    </select>
  </div>`;
}
