// Zod compiles object parsers with `new Function` when it may, and finds out by trying once. The
// pages' Content-Security-Policy forbids eval, so that probe showed up as a CSP violation on
// every page that parses a response; in the browser zod is told up front to interpret instead.
import { z } from "zod";

z.config({ jitless: true });
