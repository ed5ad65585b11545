import type { Random } from '../support/seeded-random.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** A place in a document: the container holding a value and the key it is under. */
interface Slot {
  parent: Container;
  key: string | number;
}

const WEIRD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '💥🔥'.repeat(40),
  'ＫｕｂｅＰｏｄＣｒａｓｈＬｏｏｐｉｎｇ',
  '\u202eevil\u202c',
  'e\u0301\u0301\u0301',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE alerts; --",
  '%s%n%x',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, meant literally
  '${jndi:ldap://x}',
  'null',
  'NaN',
  '0001-01-01T00:00:00Z',
  '2026-13-45T99:99:99Z',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59.999999999+14:00',
  'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=x',
  'http://169.254.169.254/latest/meta-data/',
];

/** Stands for deep nesting until the document is serialized (see serializeJson). */
const NESTED = '\u0001nested:';

const WEIRD_NUMBERS = [0, -1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 1, 4294967296, 1e-320];
const WEIRD_KEYS = ['__proto__', 'constructor', 'prototype', '', ' ', 'toString', 'hasOwnProperty', '0'];

/** One way to damage a document, applied in place at a random slot. */
const MUTATIONS: ReadonlyArray<(random: Random, slot: Slot) => void> = [
  // drop a field (or an array element)
  (_random, slot) => {
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
  },
  // a value of the wrong type
  (random, slot) => set(slot, randomScalar(random)),
  (random, slot) => set(slot, random.chance(0.5) ? [] : {}),
  (_random, slot) => set(slot, null),
  // an array where an object was, and the other way round
  (_random, slot) => {
    const value = get(slot);
    set(slot, Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : [value]);
  },
  // a huge string, still under the body limit
  (random, slot) => set(slot, 'A'.repeat(random.between(10_000, 400_000))),
  (random, slot) => set(slot, random.pick(WEIRD_STRINGS)),
  (random, slot) => set(slot, random.pick(WEIRD_NUMBERS)),
  // nested garbage, deeper than any payload has reason to be
  (random, slot) =>
    set(slot, `${NESTED}${random.pick([10, 200, 3_000, 100_000])}:${random.pick(['[', '{'])}`),
  // odd keys next to the real ones
  (random, slot) => {
    const value = get(slot);
    if (value && typeof value === 'object' && !Array.isArray(value))
      value[random.pick(WEIRD_KEYS)] = randomScalar(random);
    else set(slot, { [random.pick(WEIRD_KEYS)]: value });
  },
  // many copies of an array element (an alert storm in one payload)
  (random, slot) => {
    const value = get(slot);
    // Bounded to a few MB of text: past 1 MiB it is refused anyway, and building more is slow.
    const copies = (element: Json, most: number) =>
      Math.min(most, Math.floor(4e6 / (JSON.stringify(element)?.length ?? 1)));
    if (Array.isArray(value) && value.length > 0) {
      const element = value[random.int(value.length)]!;
      const count = random.between(1, copies(element, 300));
      for (let i = 0; i < count; i++) value.push(structuredClone(element));
    } else
      set(
        slot,
        Array.from({ length: random.between(1, copies(value, 50)) }, () => structuredClone(value)),
      );
  },
  // a string changed a little: distinct labels, so distinct fingerprints
  (random, slot) => {
    const value = get(slot);
    if (typeof value === 'string') set(slot, `${value}-${random.int(1_000_000)}`);
    else set(slot, JSON.stringify(value) ?? 'undefined');
  },
];

/** A copy of `document` with 0–3 random mutations (0 keeps some payloads valid, so they reach the store). */
export function mutateJson(random: Random, document: unknown): { value: unknown; mutations: number } {
  const root = { root: structuredClone(document) as Json };
  const count = random.pick([0, 1, 1, 1, 2, 2, 3]);
  for (let i = 0; i < count; i++) {
    const slots = collectSlots(root);
    const slot = random.pick(slots);
    random.pick(MUTATIONS)(random, slot);
  }
  return { value: root.root, mutations: count };
}

function collectSlots(root: { root: Json }): Slot[] {
  const slots: Slot[] = [{ parent: root as unknown as Container, key: 'root' }];
  const visit = (value: Json, depth: number) => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys.slice(0, 60)) {
      slots.push({ parent: value, key });
      visit((value as Record<string | number, Json>)[key]!, depth + 1);
    }
  };
  visit(root.root, 0);
  return slots;
}

function get(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key]!;
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

function randomScalar(random: Random): Json {
  return random.pick<Json>([true, false, 0, 42, -7.25, '', 'x', random.pick(WEIRD_STRINGS), null]);
}

/**
 * The JSON text of a mutated document. Deep nesting is kept as a marker until here: a value
 * nested 100,000 deep would overflow the stack of structuredClone and JSON.stringify.
 */
export function serializeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/"\\u0001nested:(\d+):([[{])"/g, (_match, depth: string, open: string) => {
    const n = Number(depth);
    return open === '[' ? `${'['.repeat(n)}0${']'.repeat(n)}` : `${'{"a":'.repeat(n)}0${'}'.repeat(n)}`;
  });
}
