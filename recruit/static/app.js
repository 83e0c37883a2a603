// GOV.UK Frontend components (character count, tabs, details...) need initAll once per page.
import { initAll } from "/assets/govuk-frontend.min.js";

initAll();
