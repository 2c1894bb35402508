// Process-wide SQLite settings, which SQLite takes only through the variadic
// sqlite3_config (Swift cannot call a variadic C function) and only before it
// initializes. Declared here rather than through <sqlite3.h>, which GRDB's
// module already owns.
#ifndef DEALQ_SQLITE_SETUP_H
#define DEALQ_SQLITE_SETUP_H

int sqlite3_config(int, ...);

/// SQLITE_CONFIG_MEMSTATUS (9), off: SQLite then keeps no memory statistics,
/// and every allocation and free skips the global mutex that guards them.
/// Returns SQLITE_OK (0), or SQLITE_MISUSE (21) once SQLite has initialized.
static inline int dealq_sqlite_memstatus_off(void) {
    return sqlite3_config(9, 0);
}

#endif
