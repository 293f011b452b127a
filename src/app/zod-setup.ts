import * as z from 'zod/mini';

// Zod 4 probes `new Function('')` when an object schema is created, to decide whether to compile parsers. Under
// the production CSP (script-src 'self', no 'unsafe-eval') the probe is blocked and reported as a
// securitypolicyviolation even though zod catches it. Jitless parsing is plenty fast for config.json and the
// API's envelopes. This module must be evaluated before any module that defines a schema: main.tsx imports it
// statically and the rest of the app dynamically.
z.config({ jitless: true });
