/**
 * Moves keyboard focus to the first invalid field inside a form, so errors are not missed.
 * Waits a frame: the error state is rendered after the validation that found it.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  window.requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
