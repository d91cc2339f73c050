import type { Dayjs } from 'dayjs';

/** How the inbox's dialogs show and send dates: DD/MM/YYYY on screen, 'YYYY-MM-DD' to the server. */
export { DATE_INPUT_FORMATS as DATE_FORMAT } from '../../lib/format.ts';
export const toDay = (value: Dayjs) => value.format('YYYY-MM-DD');
