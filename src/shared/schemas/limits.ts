/**
 * The limits the server's schemas enforce and the SPA's forms repeat, written once (no zod here: the
 * SPA imports this file as it is, without bundling zod).
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
