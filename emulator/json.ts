// A strict JSON parser that remembers the order keys were written in. Properties objects need it: when several
// keys target the same linked field, the last one in the body wins (doc page, POST /tickets: "the last field from
// the list is linked"), and JSON.parse moves integer-like keys such as "72" to the front.

const keyOrders = new WeakMap<object, string[]>();

/** The keys of an object parsed by `parseJson`, in the order the body wrote them. */
export function keyOrder(value: object): string[] {
  return keyOrders.get(value) ?? Object.keys(value);
}

export class JsonSyntaxError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(`${message} at position ${position}`);
    this.name = 'JsonSyntaxError';
    this.position = position;
  }
}

const MAX_DEPTH = 64;

export function parseJson(text: string): unknown {
  let i = 0;

  const fail = (what: string): never => {
    const ch = text[i];
    throw new JsonSyntaxError(
      ch === undefined ? `${what}: unexpected end of input` : `${what}: unexpected '${ch}'`,
      i,
    );
  };

  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };

  const str = (): string => {
    // text[i] is the opening quote.
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= text.length) fail('Unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('Control character in string');
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              i += 1;
              fail('Bad unicode escape');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            i += 1;
            fail('Bad escape');
        }
        i += 2;
        start = i;
        continue;
      }
      i++;
    }
  };

  const num = (): number => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail('Bad number');
    i += match[0].length;
    return Number(match[0]);
  };

  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail('Nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const order: string[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        keyOrders.set(obj, order);
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a property name');
        const key = str();
        ws();
        if (text[i] !== ':') fail("Expected ':'");
        i++;
        const v = value(depth + 1);
        // defineProperty, not assignment: a "__proto__" key must stay a plain property.
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        const existing = order.indexOf(key);
        if (existing >= 0) order.splice(existing, 1);
        order.push(key);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          keyOrders.set(obj, order);
          return obj;
        }
        fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (c === 't' && text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (c === 'f' && text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (c === 'n' && text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    return fail('Unexpected token');
  };

  // A UTF-8 byte order mark is allowed before the body, as Json.NET allows it.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const result = value(0);
  ws();
  if (i < text.length) fail('Unexpected text after the JSON value');
  return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
