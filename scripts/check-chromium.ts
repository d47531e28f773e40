// Stops the e2e step with a clear message, not a stack trace, when Chromium is missing.
import { missingChromiumMessage } from '../tests/harness/chromium/chromium';

const message = missingChromiumMessage();
if (message) {
  console.error(message);
  process.exit(1);
}
