/**
 * A strict well-formedness check for the XML the JUnit report writes: one
 * root element, balanced tags, quoted attributes, no raw `<` or `&` in text.
 * Returns the elements found (name and attributes), or throws.
 */
export interface Element {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly text: string
}

const entity = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g
const unescape = (s: string) =>
  s.replace(
    entity,
    (_m, e: string) =>
      e === "amp"
        ? "&"
        : e === "lt"
        ? "<"
        : e === "gt"
        ? ">"
        : e === "quot"
        ? "\""
        : e === "apos"
        ? "'"
        : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  )
const checkText = (s: string, where: string) => {
  if (s.includes("<")) throw new Error(`raw < in ${where}`)
  if (s.replace(entity, "").includes("&")) throw new Error(`raw & in ${where}`)
}

export const parseXml = (xml: string): ReadonlyArray<Element> => {
  let i = 0
  const out: Array<{ name: string; attributes: Record<string, string>; text: string }> = []
  const stack: Array<(typeof out)[number]> = []
  let roots = 0
  const decl = /^<\?xml[^?]*\?>\s*/.exec(xml)
  if (decl) i = decl[0].length
  while (i < xml.length) {
    const lt = xml.indexOf("<", i)
    const text = xml.slice(i, lt === -1 ? xml.length : lt)
    checkText(text, `text at ${i}`)
    if (stack.length === 0 && text.trim() !== "") throw new Error(`text outside the root at ${i}`)
    if (stack.length > 0) stack[stack.length - 1]!.text += unescape(text)
    if (lt === -1) break
    const gt = xml.indexOf(">", lt)
    if (gt === -1) throw new Error(`unclosed tag at ${lt}`)
    const tag = xml.slice(lt + 1, gt)
    if (tag.startsWith("/")) {
      const open = stack.pop()
      if (open === undefined || open.name !== tag.slice(1).trim()) {
        throw new Error(`mismatched </${tag.slice(1)}> at ${lt}`)
      }
    } else {
      const selfClosing = tag.endsWith("/")
      const body = selfClosing ? tag.slice(0, -1) : tag
      const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*$/.exec(body)
      if (m === null) throw new Error(`malformed tag <${tag}> at ${lt}`)
      const attributes: Record<string, string> = {}
      for (const a of m[2]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`)
        checkText(a[2]!, `attribute ${a[1]}`)
        attributes[a[1]!] = unescape(a[2]!)
      }
      if (stack.length === 0) roots++
      if (roots > 1) throw new Error("more than one root element")
      const el = { name: m[1]!, attributes, text: "" }
      out.push(el)
      if (!selfClosing) stack.push(el)
    }
    i = gt + 1
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`)
  if (roots !== 1) throw new Error("no root element")
  return out
}
