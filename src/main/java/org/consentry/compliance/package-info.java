/** Evidence for the data-protection officer: the Art. 30 record from code and config, and breach impact (Art. 33/34). */
package org.consentry.compliance;
