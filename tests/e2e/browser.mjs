// Headless Debian Chromium, as root, on a machine with no network but loopback. JS_FLAGS=...
// passes V8 flags for a diagnosis (e.g. --no-liftoff: every wasm function optimised up front).
export function launchOptions() {
  return {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])],
  };
}
