/**
 * Limits of the request bodies that the SPA's forms repeat (maxLength, max): the zod schemas of
 * src/shared/schemas use them, the web imports them from here. No zod in this file, so that importing a
 * limit does not bring the schemas into the browser bundle.
 */

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
