/**
 * Asks before a destructive action in a native modal `<dialog>` (focus,
 * Escape and inertness come from the platform). Text goes in with
 * `textContent`: a label the merchant typed is never parsed as HTML.
 */
export function confirmAction(options: {
  title: string;
  body: string;
  confirmLabel: string;
  /** The safe answer's label (default "Cancel"). */
  cancelLabel?: string;
}): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'confirm-dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-title');
    const title = document.createElement('h2');
    title.id = 'confirm-title';
    title.textContent = options.title;
    const body = document.createElement('p');
    body.textContent = options.body;
    const actions = document.createElement('div');
    actions.className = 'actions';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'btn';
    cancel.textContent = options.cancelLabel ?? 'Cancel';
    const confirm = document.createElement('button');
    confirm.type = 'button';
    confirm.className = 'btn btn-danger';
    confirm.textContent = options.confirmLabel;
    actions.append(cancel, confirm);
    dialog.append(title, body, actions);
    let answer = false;
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    // The safe choice has focus: Enter alone never deletes.
    cancel.focus();
  });
}
