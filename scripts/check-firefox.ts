// Stops the Firefox step with a clear message, not a stack trace, when Firefox is missing.
import { missingFirefoxMessage } from '../tests/harness/firefox/firefox';

const message = missingFirefoxMessage();
if (message) {
  console.error(message);
  process.exit(1);
}
