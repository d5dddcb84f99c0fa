/**
 * The first member name written twice in one object of a JSON text, by its path (`a.b[0].c`): `JSON.parse` keeps the
 * last value without a word, while a gateway or a host in front of the service may keep the first, and the command
 * gsyf executes and fingerprints must be the one everybody saw (RFC 8785, which the hash chain follows, assumes
 * I-JSON: member names unique). The text is valid JSON (it has been parsed); one pass, no recursion. @internal
 */
interface Frame {
  readonly object: boolean
  readonly keys: Set<string> | undefined
  key: string
  index: number
  expectsKey: boolean
}

const quote = 0x22
const backslash = 0x5c

/** The path of the first duplicated member name, or `undefined`. @internal */
export const duplicateKey = (text: string): string | undefined => {
  const frames: Array<Frame> = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === quote) {
      const end = stringEnd(text, i)
      const top = frames.at(-1)
      if (top?.object === true && top.expectsKey) {
        const raw = text.slice(i + 1, end)
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end + 1)) as string) : raw
        if (top.keys!.has(key)) return pathOf(frames.slice(0, -1), key)
        top.keys!.add(key)
        top.key = key
        top.expectsKey = false
      }
      i = end
    } else if (c === 0x7b) {
      frames.push({ object: true, keys: new Set(), key: "", index: 0, expectsKey: true })
    } else if (c === 0x5b) {
      frames.push({ object: false, keys: undefined, key: "", index: 0, expectsKey: false })
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop()
    } else if (c === 0x2c) {
      const top = frames.at(-1)!
      if (top.object) top.expectsKey = true
      else top.index++
    }
  }
  return undefined
}

/** Where the string opening at `start` closes. */
const stringEnd = (text: string, start: number): number => {
  let i = start + 1
  while (text.charCodeAt(i) !== quote) i += text.charCodeAt(i) === backslash ? 2 : 1
  return i
}

const pathOf = (frames: ReadonlyArray<Frame>, key: string): string => {
  let path = ""
  for (const f of frames) path = f.object ? (path === "" ? f.key : `${path}.${f.key}`) : `${path}[${f.index}]`
  return path === "" ? key : `${path}.${key}`
}
