import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DismissalOptions {
  /** Whether a click outside the host closes too: only where the page draws the overlay's backdrop. */
  outsideCloses: () => boolean;
  close: () => void;
}

/** Asks to close the framed checkout on Escape and, over the overlay, on a click outside the card. */
export class DismissalController implements ReactiveController {
  /** A click counts as outside only if its press began outside too (not a drag out of a field). */
  private pressedOutside = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DismissalOptions,
  ) {
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('keydown', this.onKeydown);
    document.addEventListener('pointerdown', this.onPointerdown);
    document.addEventListener('click', this.onClick);
  }

  hostDisconnected() {
    document.removeEventListener('keydown', this.onKeydown);
    document.removeEventListener('pointerdown', this.onPointerdown);
    document.removeEventListener('click', this.onClick);
  }

  private readonly onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) this.options.close();
  };

  private readonly onPointerdown = (e: PointerEvent) => {
    this.pressedOutside = !this.host.contains(e.target as Node);
  };

  private readonly onClick = (e: MouseEvent) => {
    if (this.options.outsideCloses() && this.pressedOutside && !this.host.contains(e.target as Node))
      this.options.close();
  };
}
