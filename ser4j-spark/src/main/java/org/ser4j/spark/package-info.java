/** ser4j on Apache Spark. */
package org.ser4j.spark;
