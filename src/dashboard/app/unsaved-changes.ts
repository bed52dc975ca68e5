import { confirmAction } from '../ui/confirm.ts';

/**
 * Watches the forms of the dashboard's content: once a field of one was
 * edited, leaving the view (a link, Back, closing the tab) asks first. A save
 * (`saved`, `organization-changed`) or a new view makes it clean again.
 * Listeners are on the capture phase: a form's `saved` event does not bubble.
 */
export class UnsavedChanges {
  #dirty = false;

  constructor(root: HTMLElement) {
    const edited = (e: Event) => {
      const target = e.target as Element;
      if (target.closest?.('main.content form')) this.#dirty = true;
    };
    root.addEventListener('input', edited, { capture: true });
    root.addEventListener('change', edited, { capture: true });
    for (const type of ['saved', 'organization-changed'])
      root.addEventListener(type, () => this.clear(), { capture: true });
    window.addEventListener('beforeunload', (e) => {
      if (this.#dirty) e.preventDefault();
    });
  }

  get dirty() {
    return this.#dirty;
  }

  clear() {
    this.#dirty = false;
  }

  /** Whether to leave an edited form (asked in a dialog); true at once when nothing was edited. */
  async mayLeave(): Promise<boolean> {
    if (!this.#dirty) return true;
    const leave = await confirmAction({
      title: 'Leave without saving?',
      body: 'The changes you made to this form will be lost.',
      confirmLabel: 'Leave',
      cancelLabel: 'Keep editing',
    });
    if (leave) this.#dirty = false;
    return leave;
  }
}
