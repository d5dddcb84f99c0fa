const Database = require("better-sqlite3")
const fs = require("fs")
const f = "/tmp/sqs/floor.db"; for (const s of ["", "-wal", "-shm"]) fs.rmSync(f + s, { force: true })
const db = new Database(f)
db.pragma("journal_mode = WAL"); db.pragma("synchronous = " + (process.env.SYNC ?? "FULL"))
db.exec("CREATE TABLE c (stream_id TEXT, command_id TEXT, a INT, b INT, h TEXT, r TEXT, PRIMARY KEY (stream_id, command_id)); CREATE TABLE e (g INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT, position INT, data TEXT, hash TEXT, UNIQUE(stream_id, position))")
const ic = db.prepare("INSERT INTO c VALUES (?,?,?,?,?,?)"), ie = db.prepare("INSERT INTO e (stream_id, position, data, hash) VALUES (?,?,?,?) RETURNING g")
const rd = db.prepare("SELECT * FROM e WHERE stream_id = ? AND position >= ? ORDER BY position")
const begin = db.prepare("BEGIN"), commit = db.prepare("COMMIT")
const ver = {}
const N = 2000, t = performance.now()
for (let i = 0; i < N; i++) { const s = "p" + (i % 500); const rows = process.env.READ ? rd.all(s, 1) : []; begin.run(); ic.run(s, "c" + i, 1, 1, "h", null); for (let k = 0; k <= i % 3; k++) ie.get(s, (ver[s] = (ver[s] ?? 0) + 1), '{"n":1,"note":"工伤预防培训 batch"}', "x".repeat(64)); commit.run() }
console.log(process.env.SYNC ?? "FULL", process.env.READ ? "read" : "", Math.round(N / (performance.now() - t) * 1000), "/s")
