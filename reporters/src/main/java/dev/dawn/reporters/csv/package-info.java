/** {@code metrics.csv} (RFC 4180, Apache Commons CSV). */
package dev.dawn.reporters.csv;
