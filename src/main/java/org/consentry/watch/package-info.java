/** The anomaly watch: rules on what one agent or admin opens (reveals, exports), and the blocks that stop them until an admin lifts them. */
package org.consentry.watch;
