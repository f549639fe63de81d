// Revealing one order's receiver (§2.7): the detail's ciphertexts through order.batchDecrypt.
// The ciphertext changes between fetches, so it is read fresh, never taken from the inbox.
import { isObj, type Obj } from '../http';
import { PlatformCallError } from '../types';
import type { PlainReceiver } from '../../../../shared/contract';

type Call = (method: string, biz: Record<string, unknown>) => Promise<Obj>;

const s = (v: unknown) => (typeof v === 'string' ? v : '');

export async function revealDouyinReceiver(call: Call, orderId: string): Promise<PlainReceiver> {
  const d = await call('order.orderDetail', { shop_order_id: orderId });
  const o = isObj(d.shop_order_detail) ? d.shop_order_detail : undefined;
  if (!o) throw new PlatformCallError('order.orderDetail', 'bad_response', `no shop_order_detail for ${orderId}`, false);
  const addr = isObj(o.post_addr) ? o.post_addr : {};
  const fields = { name: s(o.encrypt_post_receiver), mobile: s(o.encrypt_post_tel), address: s(addr.encrypt_detail) };
  const wanted = Object.values(fields).filter((c) => c !== '');
  if (wanted.length === 0) throw new PlatformCallError('order.batchDecrypt', 'no_cipher', 'Douyin served this order without receiver ciphertext; there is nothing to decrypt', false);
  const r = await call('order.batchDecrypt', { cipher_infos: wanted.map((c) => ({ auth_id: orderId, cipher_text: c })) });
  const infos = Array.isArray(r.decrypt_infos) ? (r.decrypt_infos as unknown[]).filter(isObj) : [];
  const plain = (cipher: string) => {
    if (!cipher) return '';
    const hit = infos.find((x) => x.cipher_text === cipher);
    if (!hit) throw new PlatformCallError('order.batchDecrypt', 'bad_response', 'Douyin left a ciphertext out of decrypt_infos', true);
    if (Number(hit.err_no) !== 0) throw new PlatformCallError('order.batchDecrypt', String(hit.err_no), s(hit.err_msg) || 'decrypt refused', false);
    // a virtual number comes as "主号-分机" and is kept as given
    return s(hit.decrypt_text);
  };
  const region = (k: string) => (isObj(addr[k]) ? s((addr[k] as Obj).name) : '');
  return {
    name: plain(fields.name), mobile: plain(fields.mobile), phone: '',
    province: region('province'), city: region('city'), district: region('town'), town: region('street'),
    address: plain(fields.address),
  };
}
