/**
 * The limits the server's schemas enforce and the SPA's forms repeat, written once: the zod schemas of
 * src/shared/schemas use them, the web imports them from here. No zod in this file, so that importing a
 * limit does not bring the schemas into the browser bundle.
 */

/** The largest PostgreSQL `integer` (int4): every id and version column; a larger value never reaches the database. */
export const INT4_MAX = 2_147_483_647;

/** The paging of every list route (the SPA asks for `PAGE_SIZE_MAX` when it wants "all"). */
export const PAGE_MAX = 100_000;
export const PAGE_SIZE_MAX = 200;
export const PAGE_SIZE_DEFAULT = 50;

/** The longest free-text search (`q`) a list route accepts. */
export const SEARCH_TEXT_MAX = 200;

/** Why a plan or a task is withdrawn. */
export const CANCEL_REASON_MAX = 2000;

/** An extension request's reason and the Office's decision note; a result's note. */
export const NOTE_MAX = 4000;

/** An obstacle's description, proposal and the Office's response. */
export const OBSTACLE_TEXT_MAX = 8000;

/** Why the Office returns a result (at least a few words). */
export const RETURN_REASON_MIN = 5;
export const RETURN_REASON_MAX = 2000;

/** A result's document number (số, ký hiệu văn bản báo cáo). */
export const DOCUMENT_NUMBER_MAX = 100;

/** A sub-assignment's note. */
export const SUBASSIGN_NOTE_MAX = 2000;

// followup: the reminder letter's settings (PUT /api/settings/letters)
/** a line of the letter's settings: issuer, signer, one of Nơi nhận */
export const LETTER_LINE_MAX = 200;
export const LETTER_SYMBOL_MAX = 40;
export const LETTER_RECIPIENTS_MAX = 30;
export const LETTER_CONSEQUENCE_MAX = 2000;
export const REPORT_WITHIN_DAYS_MAX = 90;

// scoring: a year's rule set (PUT /api/score-rule-sets/:year)
/** a criterion's id, and an agency code in a rule set */
export const RULE_CODE_MAX = 50;
export const RULE_SET_NAME_MAX = 200;
export const CRITERION_NAME_MAX = 300;
export const GRADE_LABEL_MAX = 100;
export const CRITICISM_THRESHOLD_MAX = 1000;

// directory: agencies, groups, successors
export const AGENCY_CODE_MAX = 32;
/** an agency's or a group's name, and another name (alias) */
export const AGENCY_NAME_MAX = 300;
export const AGENCY_NAMES_MAX = 50;
export const GROUP_NOTE_MAX = 2000;
export const GROUP_MEMBERS_MAX = 1000;
/** the functions a successor takes over */
export const SUCCESSOR_FUNCTIONS_MAX = 1000;

// users and accounts
export const USERNAME_MAX = 64;
export const DISPLAY_NAME_MAX = 200;
export const EMAIL_MAX = 320;
export const PASSWORD_MAX = 256;
export const TOKEN_NAME_MAX = 100;

/** the longest lifetime of an API token, in days */
export const MAX_TOKEN_DAYS = 365;
