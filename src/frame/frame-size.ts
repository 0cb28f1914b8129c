// Tells the card how tall the frame's content is, so it can size the iframe
// (a number, nothing else). Reported on every layout change, once per frame.
export function reportHeight(el: HTMLElement, send: (height: number) => void): () => void {
  let last = -1;
  let raf = 0;
  const measure = (): void => {
    raf = 0;
    const h = Math.ceil(el.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    send(h);
  };
  const ro = new ResizeObserver(() => {
    if (!raf) raf = requestAnimationFrame(measure);
  });
  ro.observe(el);
  return () => {
    ro.disconnect();
    if (raf) cancelAnimationFrame(raf);
  };
}
