/**
 * Svelte action: moves an element to the end of <body>, out of #app, so the print stylesheet can
 * hide the whole app and still print this element.
 */
export function portal(node: HTMLElement): { destroy(): void } {
  document.body.append(node);
  return { destroy: () => node.remove() };
}
