/**
 * A document as the parts of an Office Open XML package (ECMA-376 part 2): the content types, the package and
 * document relationships, the core properties, and the WordprocessingML parts of {@link documentXml}, zipped.
 */
import { Document } from "@gsyf/documents"
import type { Fonts } from "./geometry.js"
import { documentXml, escape, footerXml, headerXml, type SectionParts, settingsXml, stylesXml } from "./wordml.js"
import { type Entry, zip } from "./zip.js"

const DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

const relationships = (list: ReadonlyArray<readonly [id: string, type: string, target: string]>): string =>
  `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("") +
  "</Relationships>"

const contentTypes = (parts: ReadonlyArray<readonly [name: string, type: string]>): string =>
  `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
  parts.map(([name, type]) => `<Override PartName="/${name}" ContentType="${type}"/>`).join("") +
  "</Types>"

const coreProperties = (doc: Document.Document, now: string): string => {
  const { meta } = doc
  return `${DECLARATION}<cp:coreProperties ` +
    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" " +
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" " +
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
    `<dc:title>${escape(meta.title)}</dc:title>` +
    (meta.subtitle !== undefined ? `<dc:subject>${escape(meta.subtitle)}</dc:subject>` : "") +
    (meta.issuer !== undefined ? `<dc:creator>${escape(meta.issuer)}</dc:creator>` : "") +
    "<dc:description>gsyf</dc:description><cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
}

const APP = `${DECLARATION}<Properties ` +
  "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">" +
  "<Application>gsyf</Application></Properties>"

/** The DOCX bytes of a document. */
export const docxBytes = (doc: Document.Document, fonts: Fonts, redLine: boolean, level?: number): Uint8Array => {
  const footer = Document.footerTemplate(doc)
  const header = doc.page?.header
  const hasHeader = header !== undefined && header !== ""
  const parts: SectionParts = {
    header: hasHeader ? "rId3" : undefined,
    footer: footer !== "" ? { odd: "rId4", even: "rId5" } : undefined
  }
  const rels: Array<readonly [string, string, string]> = [
    ["rId1", `${OFFICE}/styles`, "styles.xml"],
    ["rId2", `${OFFICE}/settings`, "settings.xml"]
  ]
  const types: Array<readonly [string, string]> = [
    ["word/document.xml", `${WML}.document.main+xml`],
    ["word/styles.xml", `${WML}.styles+xml`],
    ["word/settings.xml", `${WML}.settings+xml`],
    ["docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"]
  ]
  const extra: Array<Entry> = []
  if (hasHeader) {
    rels.push(["rId3", `${OFFICE}/header`, "header1.xml"])
    types.push(["word/header1.xml", `${WML}.header+xml`])
    extra.push({ name: "word/header1.xml", data: headerXml(fonts, header) })
  }
  if (footer !== "") {
    rels.push(["rId4", `${OFFICE}/footer`, "footer1.xml"], ["rId5", `${OFFICE}/footer`, "footer2.xml"])
    types.push(["word/footer1.xml", `${WML}.footer+xml`], ["word/footer2.xml", `${WML}.footer+xml`])
    extra.push(
      { name: "word/footer1.xml", data: footerXml(fonts, footer, "right") },
      { name: "word/footer2.xml", data: footerXml(fonts, footer, "left") }
    )
  }
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z")
  return zip([
    { name: "[Content_Types].xml", data: contentTypes(types) },
    {
      name: "_rels/.rels",
      data: relationships([
        ["rId1", `${OFFICE}/officeDocument`, "word/document.xml"],
        [
          "rId2",
          "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
          "docProps/core.xml"
        ],
        ["rId3", `${OFFICE}/extended-properties`, "docProps/app.xml"]
      ])
    },
    { name: "docProps/core.xml", data: coreProperties(doc, now) },
    { name: "docProps/app.xml", data: APP },
    { name: "word/_rels/document.xml.rels", data: relationships(rels) },
    { name: "word/document.xml", data: documentXml(fonts, doc, redLine, parts) },
    { name: "word/styles.xml", data: stylesXml(fonts) },
    { name: "word/settings.xml", data: settingsXml(footer !== "") },
    ...extra
  ], level)
}
