// 调拨: send goods from one warehouse to another (one transfer id for the sheet), and confirm
// what arrived at the receiving warehouse, line by line, in full or in part.
import { Space } from 'antd';
import type { WharfDB } from '../../store/db';
import { TransferCreate } from './TransferCreate';
import { InTransitList } from './InTransitList';

export function TransferTab({ db }: { db: WharfDB }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="stock-transfer">
      <TransferCreate db={db} />
      <InTransitList db={db} />
    </Space>
  );
}
