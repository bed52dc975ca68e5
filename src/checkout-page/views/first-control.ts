/**
 * Moves focus to where the customer starts: the first field still to fill
 * (or to fix), else the main action of the view. `preventScroll` keeps a
 * framed card from jumping while the overlay fades in.
 */
export function focusFirstControl(root: HTMLElement) {
  const fields = [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('form input, form select')];
  const target =
    fields.find((f) => f.getAttribute('aria-invalid') === 'true') ??
    fields.find((f) => f.type !== 'radio' && f.type !== 'checkbox' && f.value === '') ??
    root.querySelector<HTMLElement>('form .pay, .outcome .actions > *, .outcome .button');
  target?.focus({ preventScroll: true });
}
