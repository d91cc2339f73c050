import type { FormRule } from 'antd';
import { AGENCY_CODE_MAX } from '../../../src/shared/schemas/limits.ts';

/** A text that must be typed: empty or only spaces is refused with `message`. */
export function requiredText(message: string): FormRule {
  return { required: true, whitespace: true, message };
}

/**
 * A new agency's code: 1–32 letters, digits, dots, dashes or underscores (the server upper-cases it),
 * refused in the words of the server's own check.
 */
export function agencyCodeRule(t: (vi: string, en: string) => string): FormRule {
  return {
    required: true,
    pattern: new RegExp(`^[A-Za-z0-9_.-]{1,${AGENCY_CODE_MAX}}$`),
    message: t(
      `Mã cơ quan gồm 1–${AGENCY_CODE_MAX} ký tự A-Z, 0-9, dấu chấm, gạch ngang, gạch dưới.`,
      `An agency code is 1–${AGENCY_CODE_MAX} of A-Z, 0-9, dot, dash, underscore.`,
    ),
  };
}
