import type { FormRule } from 'antd';

/** A text that must be typed: empty or only spaces is refused with `message`. */
export function requiredText(message: string): FormRule {
  return { required: true, whitespace: true, message };
}
