/**
 * Every limit Accord enforces, in one place. Each is documented in README.md and
 * docs/protocol.md and has a test that hits it. Units are in the names.
 */

/** Largest WebSocket frame a client may send; larger frames are closed by `ws` with 1009. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

/** Longest note text, in characters (UTF-16 code units after trimming). */
export const MAX_NOTE_CHARS = 500;

/** Most notes one person may post to one prompt (drafts, held and revealed together). */
export const MAX_NOTES_PER_PERSON_PER_PROMPT = 20;

/**
 * Most notes one prompt may hold. Reveals stay far below it (every person's notes together); it
 * bounds what the facilitator's undo of a note delete (`restoreNotes`) can put back.
 */
export const MAX_NOTES_PER_PROMPT = 10_000;

/** Most prompts on one board. */
export const MAX_PROMPTS_PER_BOARD = 20;

/** Longest prompt text, in characters. */
export const MAX_PROMPT_CHARS = 200;

/** Longest board title, in characters. */
export const MAX_TITLE_CHARS = 120;

/** Longest purpose statement, in characters. */
export const MAX_PURPOSE_CHARS = 1000;

/** Most distinct participants (browser identities) that may join one board. */
export const MAX_PARTICIPANTS_PER_BOARD = 500;

/**
 * New seats (participant identities) one address may open on one board at once, and then per
 * minute (a token bucket). A whole workshop may sit behind one NAT: 60 people join at once and
 * then one a second, so a room of 120 is in within a minute, while one client cannot mint
 * hundreds of identities to outvote people or fill the board. Beyond: close 4529, and the client
 * tries again by itself.
 */
export const NEW_SEATS_BURST_PER_ADDRESS = 60;
export const NEW_SEATS_PER_MINUTE_PER_ADDRESS = 60;

/**
 * New seats one board accepts at once from all addresses together, and then per minute: a crowd
 * of 200 phones arriving together, but not a flood that fills MAX_PARTICIPANTS_PER_BOARD in
 * seconds. Beyond: close 4529 (retried).
 */
export const NEW_SEATS_BURST_PER_BOARD = 200;
export const NEW_SEATS_PER_MINUTE_PER_BOARD = 120;

/**
 * A participant page hidden this long (another tab, a locked phone) withdraws its presence: the
 * person no longer counts as here, nor in the quorum base, until the page is shown again.
 */
export const AWAY_AFTER_HIDDEN_MS = 60_000;

/** Longest display name, in characters; names live only in presence, never on content. */
export const MAX_DISPLAY_NAME_CHARS = 40;

/** Sustained commands per second one person may send, across their connections and reconnects (token bucket refill rate). */
export const COMMANDS_PER_SECOND = 20;

/** Commands one person may send in a burst before the rate limit applies. */
export const COMMAND_BURST = 40;

/**
 * Reactions (`react`) one person may send in a burst, and then per minute, on top of the command
 * budget. Each one changes a count that is broadcast to the whole room, so tapping fast must not
 * flood every phone; a person reacting to each note of a prompt as it is read stays well within.
 */
export const REACTION_BURST = 20;
export const REACTIONS_PER_MINUTE = 60;

/** Refused commands within one window after which the connection is closed (4429). */
export const MAX_REFUSED_COMMANDS_PER_WINDOW = 200;

/** Window over which refused (rate-limited) commands are counted, in milliseconds. */
export const REFUSED_COMMANDS_WINDOW_MS = 10_000;

/** Default cap on simultaneous WebSocket connections from one IP address (env MAX_CONNECTIONS_PER_ADDRESS). */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;

/**
 * A batch of notes (a reveal, or held notes released together) names nobody only when every
 * person who receives it finds in it at least this many notes she did not write. Counted per
 * recipient, because an author knows her own notes: 3 notes of which 2 are hers leave her 1
 * note, and she knows who else was writing. Held notes wait until this holds; a reveal or an
 * early release that breaks it needs the facilitator's `confirmSmallCount`.
 */
export const RELEASE_BATCH_MIN_NOTES_BY_OTHERS = 3;

/** ...and those notes come from at least this many other people (so at least 3 authors in all). */
export const RELEASE_BATCH_MIN_OTHER_AUTHORS = 2;

/**
 * Fewest people whose dots (vote round) or answers (consensus round) are published without the
 * facilitator confirming with `confirmSmallCount`: from 1 person the totals are her ballot, and
 * from 2 each can subtract her own and read the other's. 0 publishes nothing about anyone.
 */
export const MIN_PEOPLE_TO_PUBLISH_RESULTS = 3;

/** Time a new connection has to send its AUTH frame before it is closed (4401), in milliseconds. */
export const AUTH_TIMEOUT_MS = 10_000;

/**
 * Time the server has, once AUTH arrived, to open the board (claim it in a cluster, load it from the
 * store) and admit the connection, in milliseconds. Past it the connection is closed with 4500 and
 * the client reconnects: a board that is slow to open (a database restarting) is not a refusal.
 */
export const ROOM_OPEN_TIMEOUT_MS = 15_000;

/**
 * The reference client's silence watchdog (client/src/sync/silenceWatchdog.ts). A server that was
 * paused (SIGSTOP, a frozen VM) or a pipe to one keeps its TCP connection open and says nothing:
 * without a watchdog its clients would wait for y-websocket's fixed 30 s before reconnecting, and
 * a board whose every client sits on that server would not move to another node. After
 * `SILENCE_PING_AFTER_MS` without any frame the client sends a PING; when nothing at all has come
 * for `SILENCE_TIMEOUT_MS` it drops the connection and reconnects.
 */
export const SILENCE_PING_AFTER_MS = 2_000;
export const SILENCE_TIMEOUT_MS = 4_000;
/**
 * Each further watchdog trip in a row doubles the allowed silence up to this, in milliseconds: on
 * a slow link a large frame (a big board's document) can take longer than `SILENCE_TIMEOUT_MS` to
 * arrive, and cutting it every time would never let it through. A PING answered in time resets it.
 */
export const SILENCE_TIMEOUT_MAX_MS = 60_000;
/** A WebSocket handshake not finished after this long is dropped and tried again (a hung server), in milliseconds. */
export const SOCKET_OPEN_TIMEOUT_MS = 8_000;
/**
 * After a close that says the board is served elsewhere now (4500 going away, 4501 board moved,
 * 4502 lease lost, 4503 draining: a rolling restart or a takeover), the reference client
 * reconnects after a random 0–`QUICK_RECONNECT_JITTER_MS` instead of y-websocket's doubling
 * backoff (200, 400, 800 ms …, which made a hand-off that needs two tries take seconds), at most
 * `QUICK_RECONNECTS` times in a row; a connection that is welcomed resets the count. Past it, the
 * usual backoff: a server that keeps saying "moved" is not hammered.
 */
export const QUICK_RECONNECTS = 4;
export const QUICK_RECONNECT_JITTER_MS = 150;
/** The server answers at most one PING per connection per this long, in milliseconds; others are not answered. */
export const PING_ANSWER_INTERVAL_MS = 1_000;
/** PING frames one connection may send per `PINGS_WINDOW_MS`; beyond: close 4429. */
export const MAX_PINGS_PER_WINDOW = 20;
export const PINGS_WINDOW_MS = 10_000;

/**
 * Default bytes queued for a slow client, beyond the largest frame the server sent it (its copy of
 * the document, on a big board), after which it is disconnected (4508), so one slow reader cannot
 * exhaust memory (env MAX_BUFFERED_BYTES).
 */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Frames the server sends that are at least this big are compressed (WebSocket permessage-deflate,
 * when the client offers it, as every browser does); smaller ones go as they are. A cold join of
 * a big board is one frame of the whole document, about a third of its size once compressed;
 * results, private messages and the updates of single moves are a few hundred bytes, which
 * compression would cost CPU on for every recipient while saving almost nothing.
 */
export const DEFLATE_THRESHOLD_BYTES = 16 * 1024;

/**
 * Sync step 1 requests one person (and, multiplied, one address) may send in a burst, and then per
 * minute, across reconnects. Each one makes the server send the missing part of the document (the
 * whole document for an empty state vector), so without a limit a few bytes could ask for
 * megabytes. Honest clients send one per connection.
 */
export const SYNC_REQUEST_BURST = 5;
export const SYNC_REQUESTS_PER_MINUTE = 6;

/**
 * Sync step 2 and update messages one person may send in a burst, and then per minute. A read-only
 * replica sends one per connection (its step 2, holding nothing new); each costs the server a
 * check of the update against the whole document.
 */
export const SYNC_ECHO_BURST = 5;
export const SYNC_ECHOES_PER_MINUTE = 6;

/**
 * Presence queries (message type 3) one person may send in a burst, and then per minute. Each is
 * answered with every presence state of the board, so one byte can ask for the whole room's
 * presence. The reference client never sends one over the socket.
 */
export const AWARENESS_QUERY_BURST = 5;
export const AWARENESS_QUERIES_PER_MINUTE = 6;

/**
 * Bytes of answers (sync step 2, every presence state) one person may be sent in a burst, and then
 * per second. A request is answered while this budget is above zero and its answer is charged in
 * full once sent, so a document larger than the burst is still sent once, and the next request
 * waits until the debt is paid back.
 */
export const ANSWER_BURST_BYTES = 32 * 1024 * 1024;
export const ANSWER_BYTES_PER_SECOND = 1024 * 1024;

/** Largest awareness state one client may publish, in bytes of JSON. */
export const MAX_AWARENESS_STATE_BYTES = 2 * 1024;

/** Longest command id, in characters. */
export const MAX_COMMAND_ID_CHARS = 64;

/** Most commands a client keeps in its offline queue; further actions are refused locally. */
export const MAX_QUEUED_COMMANDS = 200;

/**
 * Frames a connection may send after its AUTH while the server is still checking it (they are
 * queued and handled once it has joined); one more closes the connection 4400.
 */
export const MAX_FRAMES_BEFORE_AUTH = 16;
/**
 * Queued commands a client sends right behind its AUTH on a (re)connection, without waiting for
 * the welcome: after a hand-off between nodes the first answer then comes one round trip sooner.
 * The rest go after the welcome. With y-websocket's sync step 1, its presence and a PING it stays
 * well within MAX_FRAMES_BEFORE_AUTH.
 */
export const COMMANDS_BEFORE_WELCOME = 8;

/** Awareness updates per second one person may send (facilitators' drag previews); extra ones are dropped. */
export const AWARENESS_UPDATES_PER_SECOND = 30;

/** Interval of the server's `time` message to every connection, in milliseconds (y-websocket reconnects after 30 s of silence). */
export const HEARTBEAT_INTERVAL_MS = 10_000;

/** Longest theme name, in characters. */
export const MAX_THEME_NAME_CHARS = 80;

/** Most themes in one prompt. */
export const MAX_THEMES_PER_PROMPT = 50;

/** Most notes one move (multi-select) may carry. */
export const MAX_NOTES_PER_MOVE = 100;

/** Shortest and longest countdown the facilitator can start, in milliseconds. */
export const MIN_TIMER_MS = 10_000;
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;

/** Most dots a round may give each person. */
export const MAX_DOTS_PER_PERSON = 20;

/** Default dots per person in a vote round. */
export const DEFAULT_DOTS_PER_PERSON = 5;

/** Default most dots one person may put on one item. */
export const DEFAULT_MAX_DOTS_PER_ITEM = 3;

/** Most items a run-off round may be limited to. */
export const MAX_ROUND_ITEMS = 200;

/** Longest proposed agreement statement, in characters. */
export const MAX_STATEMENT_CHARS = 500;

/** Longest reason given with a consensus response, in characters. */
export const MAX_REASON_CHARS = 500;

/** Longest SMARTIE owner, in characters. */
export const MAX_SMARTIE_OWNER_CHARS = 80;

/** Longest SMARTIE measure or equity check, in characters. */
export const MAX_SMARTIE_TEXT_CHARS = 500;

/**
 * Largest JSON export that POST /api/boards/import accepts, in bytes. A workshop's export is
 * tens to hundreds of KiB; 2 MiB holds about 3,000 notes of the full 500 characters (7,000 of
 * 100 characters), far beyond a real board, and keeps one import's work small.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
