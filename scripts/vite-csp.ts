/**
 * The production build's Content-Security-Policy, delivered twice: as a <meta> tag written into
 * dist/index.html at build time (so any static host serves it), and as a header on `vite preview`
 * (the README's serve command), which also forbids framing (a <meta> policy can't).
 *
 * No inline script and no eval anywhere: Vite emits module scripts and CSS files; Svelte's
 * component styles are extracted to CSS; MapLibre and the app set styles through the CSSOM and
 * register fonts through the FontFace API, both allowed without 'unsafe-inline'. MapLibre's own
 * worker is a file of this origin; `blob:` is kept for workers and images that browsers and
 * MapLibre create from memory (canvas exports, image decoding).
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
};

export function cspString(extra: Record<string, string> = {}): string {
  return Object.entries({ ...CSP_DIRECTIVES, ...extra })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** The header adds what only a header can carry. */
export const CSP_HEADER = cspString({ 'frame-ancestors': "'none'" });

/** Writes the policy into index.html as the first element of <head>, for the build only. */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'green-circle-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: cspString() },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
