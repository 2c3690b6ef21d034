// Times one dataset export in the open page, as a person starts it: Export dataset (or a new
// format picked in the open dialog), until the preview of the built and self-checked export is
// shown. Also the longest gap between two painted frames meanwhile (the page's responsiveness).
// Shared by bench.mjs (L) and bench_corpus.mjs (the MSRA corpus).

/** Every dataset format of the Export dataset dialog, by its key. */
export const FORMATS = ['spacy', 'doccano', 'doccano-entities', 'doccano-utf16', 'label-studio', 'brat', 'conll', 'huggingface', 'w3c'];

/** `{ shown, built, longest, error }` for `format` (ms; `error` when the export refused). */
export async function datasetExportTiming(page, format, timeout = 600_000) {
  return page.evaluate(async ({ format, timeout }) => {
    const t = performance.now();
    let longest = 0, last = t, running = true;
    const tick = () => { const now = performance.now(); longest = Math.max(longest, now - last); last = now; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const select = document.querySelector('[data-testid=export-format]');
    if (!select) {
      document.querySelector('[data-testid=export-dataset]').click();
      while (!document.querySelector('[data-testid=export-format]')) await new Promise((r) => setTimeout(r, 0));
    }
    const picker = document.querySelector('[data-testid=export-format]');
    if (picker.value !== format) {
      picker.value = format;
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    }
    // The frame that first shows the build under way (a rAF callback runs just before it).
    while (!document.querySelector('[data-testid=export-building]')) await new Promise((r) => setTimeout(r, 0));
    const shown = await new Promise((r) => requestAnimationFrame(() => r(performance.now() - t)));
    const done = () => !document.querySelector('[data-testid=export-building]')
      && (document.querySelector('[data-testid=export-preview]') || document.querySelector('[data-testid=export-error]'));
    while (!done()) {
      if (performance.now() - t > timeout) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const built = await new Promise((r) => requestAnimationFrame(() => r(performance.now() - t)));
    running = false;
    const error = document.querySelector('[data-testid=export-error]')?.textContent ?? null;
    return { shown, built, longest, error };
  }, { format, timeout });
}
