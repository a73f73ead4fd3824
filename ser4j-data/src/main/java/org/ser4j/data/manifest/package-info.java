/**
 * CSV manifests: {@link org.ser4j.data.manifest.ManifestLoader} reads a user's
 * {@code path,emotion[,speaker,gender,language,...]} file, {@link org.ser4j.data.manifest.ManifestWriter} writes
 * the unified manifest of a scan, and {@link org.ser4j.data.manifest.Csv} is the RFC 4180 reader and quoting both
 * use.
 */
package org.ser4j.data.manifest;
