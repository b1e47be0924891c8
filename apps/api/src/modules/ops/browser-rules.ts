import helmet from 'helmet';

/**
 * The browser's rules on every answer (issue 19), by helmet: a Content-Security-Policy that runs
 * the dashboard's own scripts only (no inline script, no inline event handler, no `eval`), talks
 * to this origin only and may not be framed; no referrer leaves a page (its URL may name a school
 * or a learner); no content-type sniffing. Defaults off (`useDefaults: false`): helmet's default
 * `upgrade-insecure-requests` would break the dashboard served over plain HTTP on localhost.
 */
export const browserRules = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // React and Recharts set styles through the DOM (allowed); Recharts' tooltips set style
      // attributes, which only 'unsafe-inline' for styles allows. No script can follow from it.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // The dashboard loads nothing from other origins; cross-origin isolation would add nothing.
  crossOriginEmbedderPolicy: false,
});
