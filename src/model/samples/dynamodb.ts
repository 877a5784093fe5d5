/**
 * DynamoDB Streams (`sam local generate-event dynamodb update`): an INSERT, a MODIFY and a
 * REMOVE of one item, with keys and images in attribute-value form (`{"N":"101"}`).
 */
import { utf8Encode } from './encoding';
import { arn } from './ids';
import { COMMON_PARAMS, readParams } from './params';
import type { SampleEventDef, SampleParam } from './types';

/** A DynamoDB attribute value (the subset plain JSON maps to). */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

/** Plain JSON to attribute-value form: text → S, number → N, boolean → BOOL, null → NULL, array → L, object → M. */
export function toAttributeValue(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null || value === undefined) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: toItem(value as Record<string, unknown>) };
}

/** A plain JSON object to an item (attribute name → attribute value). */
export function toItem(plain: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, toAttributeValue(v)]));
}

function valueSize(v: AttributeValue): number {
  if ('S' in v) return utf8Encode(v.S).length;
  if ('N' in v) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').replace(/^0+/, '').length / 2) + 1;
  if ('L' in v) return 3 + v.L.reduce((n, x) => n + 1 + valueSize(x), 0);
  if ('M' in v) return 3 + itemSize(v.M);
  return 1;
}

/** Approximate item size in bytes by DynamoDB's rules (names + values; numbers ~ digits/2 + 1). */
export function itemSize(item: Readonly<Record<string, AttributeValue>>): number {
  return Object.entries(item).reduce((n, [k, v]) => n + utf8Encode(k).length + valueSize(v), 0);
}

/** Stream view types: which images a record carries. */
export const STREAM_VIEW_TYPES = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'] as const;

const DDB_PARAMS: readonly SampleParam[] = [
  { name: 'table', label: 'Table name', default: 'my-table', description: 'Table name in eventSourceARN.' },
  { name: 'keys', label: 'Keys (JSON)', default: '{"Id":101}', description: 'dynamodb.Keys from a JSON object (also part of every image).', type: 'jsonObject' },
  {
    name: 'inserted',
    label: 'Inserted item (JSON)',
    default: '{"Message":"New item!"}',
    description: 'Non-key attributes written by the INSERT (NewImage), then the MODIFY\'s OldImage.',
    type: 'jsonObject',
  },
  {
    name: 'modified',
    label: 'Modified item (JSON)',
    default: '{"Message":"This item has changed"}',
    description: 'Non-key attributes after the MODIFY (NewImage), then the REMOVE\'s OldImage.',
    type: 'jsonObject',
  },
  { name: 'streamViewType', label: 'Stream view type', default: 'NEW_AND_OLD_IMAGES', description: 'dynamodb.StreamViewType: which images the records carry.', type: 'enum', options: STREAM_VIEW_TYPES },
  ...COMMON_PARAMS,
];

/** The DynamoDB catalogue entry. */
export const DYNAMODB_SAMPLES: readonly SampleEventDef[] = [
  {
    id: 'dynamodb.update',
    service: 'dynamodb',
    title: 'DynamoDB stream records (INSERT, MODIFY, REMOVE)',
    description: 'Three stream records for one item, as Lambda\'s DynamoDB event source mapping passes them.',
    shape: 'lambdaRecords',
    params: DDB_PARAMS,
    build(params) {
      const r = readParams('dynamodb.update', DDB_PARAMS, params);
      const region = r.text('region');
      const t = r.time('time');
      const view = r.text('streamViewType');
      const keys = toItem(r.object('keys'));
      const first = { ...toItem(r.object('inserted')), ...keys };
      const second = { ...toItem(r.object('modified')), ...keys };
      const label = new Date(t).toISOString().replace('Z', '');
      const sourceArn = arn('dynamodb', region, r.text('account'), `table/${r.text('table')}/stream/${label}`);
      const sequenceBase = `4${r.ids.digits('sequence', 25)}`;
      const changes: Array<[string, Record<string, AttributeValue> | undefined, Record<string, AttributeValue> | undefined]> = [
        ['INSERT', first, undefined],
        ['MODIFY', second, first],
        ['REMOVE', undefined, second],
      ];
      const records = changes.map(([eventName, newImage, oldImage], i) => {
        const dynamodb: Record<string, unknown> = { Keys: keys };
        let size = itemSize(keys);
        if (newImage && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) {
          dynamodb.NewImage = newImage;
          size += itemSize(newImage);
        }
        if (oldImage && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) {
          dynamodb.OldImage = oldImage;
          size += itemSize(oldImage);
        }
        Object.assign(dynamodb, {
          ApproximateCreationDateTime: Math.floor(t / 1000),
          SequenceNumber: `${sequenceBase}${String(i + 1).padStart(2, '0')}`,
          SizeBytes: size,
          StreamViewType: view,
        });
        return {
          eventID: r.ids.hex(`eventID:${i}`),
          eventName,
          eventVersion: '1.1',
          eventSource: 'aws:dynamodb',
          awsRegion: region,
          dynamodb,
          eventSourceARN: sourceArn,
        };
      });
      return { Records: records };
    },
  },
];
