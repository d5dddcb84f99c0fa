/**
 * Finding the CJK font the PDF renderer embeds. PDF viewers cannot be relied
 * on to have a Chinese font, so the renderer embeds one (subsetted to the
 * glyphs used, so files stay small). The font is looked for in this order:
 *
 * 1. the font the host passes in the options (`font`, and `boldFont`): a path,
 *    the bytes, or `{ path | bytes, face }`;
 * 2. the `GSYF_CJK_FONT` environment variable (and `GSYF_CJK_FONT_BOLD`): a path,
 *    optionally followed by `#` and the PostScript name of a face of a
 *    collection, e.g. `/fonts/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`;
 * 3. the Noto CJK fonts of the system (Debian/Ubuntu `fonts-noto-cjk`, Fedora
 *    `google-noto-serif-cjk-fonts`, Arch `noto-fonts-cjk`, Alpine
 *    `font-noto-cjk`), serif first, at their usual paths;
 * 4. fontconfig: `fc-match 'Noto Serif CJK SC:lang=zh-cn'`, accepted only if
 *    the match supports Simplified Chinese.
 *
 * An explicit font (1 or 2) that cannot be read is an error, not a reason to
 * fall back. When nothing is found the error is a {@link FontNotFound} that
 * lists what was tried and what to install. In a collection (.ttc) without a
 * named face, the Simplified Chinese face (`…CJKsc-…`) is chosen.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { faceNames, fontKind, preferredFace } from "./internal/sfnt.js"

/**
 * Raised when no usable CJK font is found, or an explicitly named one cannot be used.
 *
 * @since 0.1.0
 * @category errors
 */
export class FontNotFound extends Schema.TaggedError<FontNotFound>()("FontNotFound", {
  reason: Schema.String,
  /** Every place looked at, in order. */
  tried: Schema.Array(Schema.String)
}) {
  /** Why no font was found, where it looked and what to install. */
  override get message(): string {
    return `${this.reason}. Tried: ${this.tried.join("; ") || "nothing"}. ${installHint}`
  }
}

/**
 * What to do when no font is found.
 *
 * @since 0.1.0
 * @category constants
 */
export const installHint =
  "Install a CJK font (Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: dnf install google-noto-serif-cjk-fonts; " +
  "Arch: pacman -S noto-fonts-cjk; Alpine: apk add font-noto-cjk; macOS: brew install --cask font-noto-serif-cjk-sc), " +
  "or set GSYF_CJK_FONT=/path/to/font.otf|ttf|ttc[#FaceName], or pass { font } to Pdf.make"

/**
 * A font named by the host: a path (optionally `path#Face`), the bytes, or
 * either with the PostScript name of the face to use in a collection.
 *
 * @since 0.1.0
 * @category models
 */
export type FontInput =
  | string
  | Uint8Array
  | { readonly path: string; readonly face?: string | undefined }
  | { readonly bytes: Uint8Array; readonly face?: string | undefined }

/**
 * Where to look for fonts.
 *
 * - `font`, `boldFont`: explicit fonts (step 1)
 * - `env`: the environment to read `GSYF_CJK_FONT` from (default `process.env`)
 * - `system`: look at system paths and fontconfig (steps 3 and 4; default `true`)
 *
 * @since 0.1.0
 * @category models
 */
export interface FontOptions {
  readonly font?: FontInput | undefined
  readonly boldFont?: FontInput | undefined
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  readonly system?: boolean | undefined
}

/**
 * A loaded font: its bytes, the face to use in a collection, and where it came from.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadedFont {
  readonly bytes: Uint8Array
  readonly face: string | undefined
  readonly source: string
  readonly origin: "option" | "env" | "system" | "fontconfig"
}

/**
 * The regular font and, when one is found, the bold one (otherwise bold text
 * is drawn with a stroked outline).
 *
 * @since 0.1.0
 * @category models
 */
export interface CjkFonts {
  readonly regular: LoadedFont
  readonly bold: LoadedFont | undefined
}

/**
 * The system font files looked at (step 3), each with its bold sibling and the face to use.
 *
 * @since 0.1.0
 * @category constants
 */
export const systemCandidates: ReadonlyArray<{
  readonly regular: string
  readonly bold: string
  readonly face: string
  readonly boldFace: string
}> = [
  ...[
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-serif-cjk-fonts",
    "/usr/share/fonts/noto",
    "/usr/share/fonts/google-noto-cjk"
  ].map(
    (dir) => ({
      regular: `${dir}/NotoSerifCJK-Regular.ttc`,
      bold: `${dir}/NotoSerifCJK-Bold.ttc`,
      face: "NotoSerifCJKsc-Regular",
      boldFace: "NotoSerifCJKsc-Bold"
    })
  ),
  ...[
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-sans-cjk-fonts",
    "/usr/share/fonts/noto",
    "/usr/share/fonts/google-noto-cjk"
  ].map(
    (dir) => ({
      regular: `${dir}/NotoSansCJK-Regular.ttc`,
      bold: `${dir}/NotoSansCJK-Bold.ttc`,
      face: "NotoSansCJKsc-Regular",
      boldFace: "NotoSansCJKsc-Bold"
    })
  )
]

type Attempt = { readonly font: LoadedFont } | { readonly problem: string }

const load = (
  input: FontInput,
  origin: LoadedFont["origin"],
  face?: string | undefined
): Attempt => {
  let bytes: Uint8Array
  let source: string
  let wanted = face
  if (typeof input === "string" || "path" in input) {
    const spec = typeof input === "string" ? input : input.path
    const hash = typeof input === "string" ? spec.lastIndexOf("#") : -1
    const path = hash > 0 ? spec.slice(0, hash) : spec
    wanted = typeof input === "string" ? (hash > 0 ? spec.slice(hash + 1) : wanted) : (input.face ?? wanted)
    source = path
    try {
      bytes = readFileSync(path)
    } catch (e) {
      return { problem: `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` }
    }
  } else {
    const b = input instanceof Uint8Array ? input : input.bytes
    wanted = input instanceof Uint8Array ? wanted : (input.face ?? wanted)
    bytes = b
    source = `${b.byteLength} bytes`
  }
  const kind = fontKind(bytes)
  if (kind === undefined) return { problem: `${source}: not an OpenType/TrueType font or collection` }
  if (kind === "ttc") {
    const names = faceNames(bytes)
    if (wanted !== undefined && !names.includes(wanted)) {
      return { problem: `${source}: no face ${wanted} (faces: ${names.join(", ")})` }
    }
    wanted ??= preferredFace(names)
    if (wanted === undefined) return { problem: `${source}: a collection whose faces have no names` }
  } else if (kind === "sfnt") {
    wanted = undefined
  }
  return { font: { bytes, face: wanted, source: wanted === undefined ? source : `${source}#${wanted}`, origin } }
}

const fcMatch = (
  pattern: string
): { readonly file: string; readonly face: string; readonly zh: boolean } | undefined => {
  try {
    const r = spawnSync("fc-match", ["-f", "%{file}\n%{postscriptname}\n%{lang}", pattern], {
      encoding: "utf8",
      timeout: 10_000
    })
    if (r.status !== 0 || typeof r.stdout !== "string") return undefined
    const [file, face, lang] = r.stdout.split("\n")
    if (file === undefined || file === "") return undefined
    return { file, face: face ?? "", zh: (lang ?? "").split("|").includes("zh-cn") }
  } catch {
    return undefined
  }
}

/**
 * Finds and loads the CJK fonts, in the order described above.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (options: FontOptions = {}): Effect.Effect<CjkFonts, FontNotFound> =>
  Effect.suspend(() => {
    const tried: Array<string> = []
    const fail = (reason: string) => Effect.fail(new FontNotFound({ reason, tried }))
    const explicit = (regular: FontInput, bold: FontInput | undefined, origin: "option" | "env", what: string) => {
      const r = load(regular, origin)
      if ("problem" in r) {
        tried.push(r.problem)
        return fail(`the font given in ${what} cannot be used`)
      }
      const b = bold === undefined ? undefined : load(bold, origin)
      if (b !== undefined && "problem" in b) {
        tried.push(b.problem)
        return fail(`the bold font given in ${what} cannot be used`)
      }
      return Effect.succeed<CjkFonts>({ regular: r.font, bold: b?.font })
    }
    if (options.font !== undefined) return explicit(options.font, options.boldFont, "option", "the options")
    tried.push("options: no font given")
    const env = options.env ?? process.env
    const fromEnv = env.GSYF_CJK_FONT
    if (fromEnv !== undefined && fromEnv !== "") {
      const bold = env.GSYF_CJK_FONT_BOLD
      return explicit(fromEnv, bold === undefined || bold === "" ? undefined : bold, "env", "GSYF_CJK_FONT")
    }
    tried.push("GSYF_CJK_FONT: not set")
    if (options.system === false) return fail("no CJK font given and system fonts are off")
    for (const c of systemCandidates) {
      if (!existsSync(c.regular)) {
        tried.push(`${c.regular}: missing`)
        continue
      }
      const r = load(c.regular, "system", c.face)
      if ("problem" in r) {
        tried.push(r.problem)
        continue
      }
      const b = existsSync(c.bold) ? load(c.bold, "system", c.boldFace) : undefined
      return Effect.succeed<CjkFonts>({ regular: r.font, bold: b !== undefined && "font" in b ? b.font : undefined })
    }
    const m = fcMatch("Noto Serif CJK SC:lang=zh-cn")
    if (m === undefined) {
      tried.push("fc-match: not available")
      return fail("no CJK font found")
    }
    if (!m.zh) {
      tried.push(`fc-match: best match ${m.file} has no Simplified Chinese`)
      return fail("no CJK font found")
    }
    const r = load(m.file, "fontconfig", m.face === "" ? undefined : m.face)
    if ("problem" in r) {
      tried.push(`fc-match: ${r.problem}`)
      return fail("no CJK font found")
    }
    const mb = fcMatch("Noto Serif CJK SC:lang=zh-cn:weight=bold")
    const b = mb !== undefined && mb.zh && mb.file !== m.file
      ? load(mb.file, "fontconfig", mb.face || undefined)
      : undefined
    return Effect.succeed<CjkFonts>({ regular: r.font, bold: b !== undefined && "font" in b ? b.font : undefined })
  })
