/**
 * Finding the CJK faces the PDF renderer embeds, one per font role of GB/T
 * 9704-2012: 仿宋 (body), 小标宋 (title), 黑体 (level-1 headings), 楷体
 * (level-2 headings), plus a bold face. PDF viewers cannot be relied on to
 * have a Chinese font, so the renderer embeds them (subsetted to the glyphs
 * used, so files stay small). Fonts are looked for in this order:
 *
 * 1. the font the host passes in the options (`font`, and `boldFont`): a path,
 *    the bytes, or `{ path | bytes, face }` — used for every role;
 * 2. the `GSYF_CJK_FONT` environment variable (and `GSYF_CJK_FONT_BOLD`): a path,
 *    optionally followed by `#` and the PostScript name of a face of a
 *    collection, e.g. `/fonts/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`;
 * 3. the faces of the system, role by role: the official faces when installed
 *    (仿宋_GB2312 / FangSong, 方正小标宋, 黑体 / SimHei, 楷体_GB2312 / KaiTi), then
 *    free faces that play the roles (LXGW WenKai or AR PL UKai for 楷体, the Noto
 *    CJK fonts for the others), and fontconfig for the body face;
 * 4. the fonts the package depends on (npm, SIL Open Font License 1.1):
 *    Noto Serif SC Regular for 仿宋, Noto Serif SC Bold for 小标宋 and bold,
 *    Noto Sans SC Medium for 黑体. The npm registry has no free 仿宋 or 楷体 face
 *    of full coverage, so without a system one the body is set in a Song
 *    (Noto Serif) face and level-2 headings in the body face.
 *
 * Step 3 is skipped with `system: false` or `GSYF_NO_SYSTEM_FONTS=1`, which
 * gives the same PDFs on every machine. An explicit font (1 or 2) that cannot be
 * read is an error, not a reason to fall back. In a collection (.ttc) without a
 * named face, the Simplified Chinese face (`…CJKsc-…`) is chosen. Font files
 * are read and parsed once per process.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { FontFile, fontFiles } from "./internal/fontFile.js"
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
 * - `system`: look at system fonts and fontconfig (step 3; default `true`, off when `GSYF_NO_SYSTEM_FONTS=1`)
 * - `packages`: use the npm font packages (step 4; default `true`)
 *
 * @since 0.1.0
 * @category models
 */
export interface FontOptions {
  readonly font?: FontInput | undefined
  readonly boldFont?: FontInput | undefined
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  readonly system?: boolean | undefined
  readonly packages?: boolean | undefined
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
  readonly origin: "option" | "env" | "system" | "fontconfig" | "package"
}

/**
 * The font roles of GB/T 9704-2012: 仿宋 body text, 小标宋 title, 黑体 level-1
 * headings, 楷体 level-2 headings.
 *
 * @since 0.1.0
 * @category models
 */
export type Role = "fangsong" | "xiaobiaosong" | "heiti" | "kaiti"

/**
 * The faces found: `regular` plays 仿宋, `bold` (when found; otherwise bold
 * text is drawn with a stroked outline) the bold of body text, and `roles` the
 * faces found for the other roles (a missing role uses `regular`, the title
 * `bold` before `regular`).
 *
 * @since 0.1.0
 * @category models
 */
export interface CjkFonts {
  readonly regular: LoadedFont
  readonly bold: LoadedFont | undefined
  readonly roles?: Partial<Record<Exclude<Role, "fangsong">, LoadedFont>> | undefined
}

/**
 * The face that plays a role.
 *
 * @since 0.1.0
 * @category getters
 */
export const faceFor = (fonts: CjkFonts, role: Role): LoadedFont =>
  role === "fangsong"
    ? fonts.regular
    : fonts.roles?.[role] ?? (role === "xiaobiaosong" ? fonts.bold : undefined) ?? fonts.regular

/**
 * The Noto CJK system font files looked at in step 3 for the body (仿宋) role,
 * each with its bold sibling and the face to use.
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
  ].map((dir) => ({
    regular: `${dir}/NotoSerifCJK-Regular.ttc`,
    bold: `${dir}/NotoSerifCJK-Bold.ttc`,
    face: "NotoSerifCJKsc-Regular",
    boldFace: "NotoSerifCJKsc-Bold"
  })),
  ...[
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-sans-cjk-fonts",
    "/usr/share/fonts/noto",
    "/usr/share/fonts/google-noto-cjk"
  ].map((dir) => ({
    regular: `${dir}/NotoSansCJK-Regular.ttc`,
    bold: `${dir}/NotoSansCJK-Bold.ttc`,
    face: "NotoSansCJKsc-Regular",
    boldFace: "NotoSansCJKsc-Bold"
  }))
]

const fontDirs = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:\\Windows\\Fonts"]

/**
 * The system faces looked at in step 3 for each role, best first: file names
 * under the usual font directories (with the face of a collection after `#`).
 *
 * @since 0.1.0
 * @category constants
 */
export const roleCandidates: Readonly<Record<Role, ReadonlyArray<string>>> = {
  fangsong: ["truetype/fangsong/simfang.ttf", "simfang.ttf", "FangSong_GB2312.ttf", "STFANGSO.TTF", "fzfsk.ttf"],
  xiaobiaosong: [
    "FZXBSJW.TTF",
    "fzxbsjw.ttf",
    "方正小标宋简体.ttf",
    "opentype/noto/NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold",
    "noto-cjk/NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold"
  ],
  heiti: [
    "simhei.ttf",
    "SimHei.ttf",
    "opentype/noto/NotoSansCJK-Medium.ttc#NotoSansCJKsc-Medium",
    "opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular",
    "noto-cjk/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular"
  ],
  kaiti: [
    "simkai.ttf",
    "KaiTi_GB2312.ttf",
    "STKAITI.TTF",
    "truetype/lxgw/LXGWWenKai-Regular.ttf",
    "truetype/arphic/ukai.ttc#AR-PL-UKai-CN",
    "truetype/arphic-gkai00mp/gkai00mp.ttf"
  ]
}

/**
 * The faces of the npm font packages this package depends on (step 4), by role.
 *
 * @since 0.1.0
 * @category constants
 */
export const packageFaces = {
  fangsong: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  xiaobiaosong: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  heiti: "@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf"
} as const

const files = new Map<string, FontFile>()

/** A font file, opened once per process and read in parts as faces need them. */
const openCached = (path: string): FontFile => {
  let file = files.get(path)
  if (file === undefined) {
    file = FontFile.open(path)
    files.set(path, file)
  }
  return file
}

type Attempt = { readonly font: LoadedFont } | { readonly problem: string }

const load = (
  input: FontInput,
  origin: LoadedFont["origin"],
  face?: string | undefined
): Attempt => {
  let bytes: Uint8Array
  let file: FontFile | undefined
  let source: string
  let wanted = face
  if (typeof input === "string" || "path" in input) {
    const spec = typeof input === "string" ? input : input.path
    const hash = typeof input === "string" ? spec.lastIndexOf("#") : -1
    const path = hash > 0 ? spec.slice(0, hash) : spec
    wanted = typeof input === "string" ? (hash > 0 ? spec.slice(hash + 1) : wanted) : (input.face ?? wanted)
    source = path
    try {
      file = openCached(path)
      bytes = file.bytes
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
  source = wanted === undefined ? source : `${source}#${wanted}`
  if (file === undefined) return { font: { bytes, face: wanted, source, origin } }
  const read = file
  // the bytes of the whole file only for a host that asks for them; the renderer reads the parts it needs
  const font: LoadedFont = {
    get bytes() {
      return read.all()
    },
    face: wanted,
    source,
    origin
  }
  fontFiles.set(font, read)
  return { font }
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

const requireHere = createRequire(typeof __filename === "string" ? __filename : import.meta.url)

/** A face of an npm font package, when the package is installed. */
const packageFont = (file: string, tried: Array<string>): LoadedFont | undefined => {
  let path: string
  try {
    path = requireHere.resolve(file)
  } catch {
    tried.push(`${file}: package not installed`)
    return undefined
  }
  const r = load(path, "package")
  if ("problem" in r) tried.push(r.problem)
  return "font" in r ? r.font : undefined
}

/** The first system face found among a role's candidates. */
const systemRole = (role: Role, tried: Array<string>): LoadedFont | undefined => {
  for (const candidate of roleCandidates[role]) {
    const [rel, face] = candidate.split("#") as [string, string | undefined]
    const path = fontDirs.map((d) => join(d, rel)).find(existsSync)
    if (path === undefined) continue
    const r = load(path, "system", face)
    if ("font" in r) return r.font
    tried.push(r.problem)
  }
  return undefined
}

/** The system's Noto CJK body face and its bold (step 3), else fontconfig's match. */
const systemBody = (tried: Array<string>): { regular: LoadedFont; bold: LoadedFont | undefined } | undefined => {
  for (const c of systemCandidates) {
    if (!existsSync(c.regular)) continue
    const r = load(c.regular, "system", c.face)
    if ("problem" in r) {
      tried.push(r.problem)
      continue
    }
    const b = existsSync(c.bold) ? load(c.bold, "system", c.boldFace) : undefined
    return { regular: r.font, bold: b !== undefined && "font" in b ? b.font : undefined }
  }
  tried.push("system Noto CJK fonts: not found")
  const m = fcMatch("Noto Serif CJK SC:lang=zh-cn")
  if (m === undefined || !m.zh) {
    tried.push(m === undefined ? "fc-match: not available" : `fc-match: ${m.file} has no Simplified Chinese`)
    return undefined
  }
  const r = load(m.file, "fontconfig", m.face === "" ? undefined : m.face)
  if ("problem" in r) tried.push(`fc-match: ${r.problem}`)
  return "font" in r ? { regular: r.font, bold: undefined } : undefined
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
    const system = options.system !== false && env.GSYF_NO_SYSTEM_FONTS !== "1"
    if (!system) tried.push("system fonts: off")
    const role = (r: Role) => (system ? systemRole(r, tried) : undefined)
    const fangsong = role("fangsong")
    const body = fangsong === undefined && system ? systemBody(tried) : undefined
    const packages = options.packages !== false
    const pkg = (file: string) => (packages ? packageFont(file, tried) : undefined)
    const regular = fangsong ?? body?.regular ?? pkg(packageFaces.fangsong)
    if (regular === undefined) return fail("no CJK font found")
    const roles = {
      xiaobiaosong: role("xiaobiaosong") ?? pkg(packageFaces.xiaobiaosong),
      heiti: role("heiti") ?? pkg(packageFaces.heiti),
      kaiti: role("kaiti")
    }
    const defined = Object.fromEntries(Object.entries(roles).filter(([, f]) => f !== undefined))
    return Effect.succeed<CjkFonts>({ regular, bold: body?.bold ?? pkg(packageFaces.bold), roles: defined })
  })
