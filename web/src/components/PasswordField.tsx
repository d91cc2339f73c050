import { Form, Input } from 'antd';
import type { ReactNode } from 'react';

/**
 * A required password field of a form: `required` is the message when it is left empty, `min` the
 * fewest characters taken, `autoComplete` tells the browser's password manager which one it is.
 */
export function PasswordField({
  name,
  label,
  required,
  autoComplete = 'new-password',
  extra,
  min,
}: {
  name: string;
  label: string;
  required: string;
  autoComplete?: 'new-password' | 'current-password';
  extra?: ReactNode;
  min?: number;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ required: true, ...(min === undefined ? {} : { min }), message: required }]}
    >
      <Input.Password autoComplete={autoComplete} />
    </Form.Item>
  );
}
