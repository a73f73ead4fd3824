/** The ser4j web app and REST service. */
package org.ser4j.server;
