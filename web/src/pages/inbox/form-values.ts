import type { Dayjs } from 'dayjs';

/** How the inbox's dialogs show and send dates: DD/MM/YYYY on screen, 'YYYY-MM-DD' to the server. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const toDay = (value: Dayjs) => value.format('YYYY-MM-DD');
