/** The people of the desk: support teams with their languages, skills, lead and members' capacity, and the agents' presence. */
package org.consentry.staffing;
