import { DeleteOutlined } from '@ant-design/icons';
import { Button, type ButtonProps, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';

/**
 * A button that asks first: `question` (and `description`) in a popover whose OK button says
 * `okText` (red when `okDanger`) and runs `onConfirm`; Hủy closes it. The rest is the button's own props.
 */
export function ConfirmButton({
  question,
  description,
  okText,
  okDanger,
  onConfirm,
  ...button
}: {
  question: ReactNode;
  description?: ReactNode;
  okText: string;
  okDanger?: boolean;
  onConfirm: () => void;
} & Omit<ButtonProps, 'onClick' | 'title'>) {
  const t = useT();
  return (
    <Popconfirm
      title={question}
      description={description}
      okText={okText}
      okButtonProps={okDanger ? { danger: true } : undefined}
      cancelText={t('Hủy', 'Cancel')}
      onConfirm={onConfirm}
    >
      <Button {...button} />
    </Popconfirm>
  );
}

/** The small red delete button of a table row (an icon, named by `aria-label`) that asks `question` first. */
export function DeleteButton(props: {
  question: ReactNode;
  okText: string;
  onConfirm: () => void;
  'aria-label': string;
}) {
  return <ConfirmButton {...props} size="small" danger icon={<DeleteOutlined />} />;
}
