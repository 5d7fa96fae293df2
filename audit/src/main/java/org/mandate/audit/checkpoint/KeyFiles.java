package org.mandate.audit.checkpoint;

import org.mandate.objectives.json.CanonicalJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys from the JDK alone, stored as PEM: private keys as PKCS#8 ({@code PRIVATE KEY}, file mode
 * 0600 where the file system has POSIX permissions), public keys as X.509 SubjectPublicKeyInfo
 * ({@code PUBLIC KEY}), the forms {@code openssl pkey} reads and writes. A key's id is the SHA-256 of its
 * DER SubjectPublicKeyInfo, the fingerprint people compare out of band.
 */
public final class KeyFiles {

    private static final String ALGORITHM = "Ed25519";
    private static final Base64.Encoder PEM_BODY = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private KeyFiles() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 ships Ed25519", e);
        }
    }

    /** SHA-256 (hex) of the key's DER SubjectPublicKeyInfo. */
    public static String keyId(PublicKey key) {
        return CanonicalJson.sha256Hex(key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** Parses exactly the text {@link #publicPem} writes: a key file has one spelling, so a changed byte never goes unseen. */
    public static PublicKey parsePublicPem(String text) {
        byte[] der = der("PUBLIC KEY", text);
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            if (!publicPem(key).equals(text)) throw new IllegalArgumentException("public key file is not in canonical PEM form");
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static PrivateKey parsePrivatePem(String text) {
        byte[] der = der("PRIVATE KEY", text);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    public static void writePublic(PublicKey key, Path file) {
        write(file, publicPem(key), false);
    }

    /** Writes the private key readable by its owner only (when the file system supports POSIX modes). */
    public static void writePrivate(PrivateKey key, Path file) {
        write(file, privatePem(key), true);
    }

    public static PublicKey readPublic(Path file) {
        return parsePublicPem(SignedCheckpoint.strictUtf8(read(file)));
    }

    public static PrivateKey readPrivate(Path file) {
        return parsePrivatePem(SignedCheckpoint.strictUtf8(read(file)));
    }

    /** Reads a key pair stored as {@code <name>.key} + {@code <name>.pub} in {@code dir}. */
    public static KeyPair readPair(Path dir, String name) {
        return new KeyPair(readPublic(dir.resolve(name + ".pub")), readPrivate(dir.resolve(name + ".key")));
    }

    /** Stores a key pair as {@code <name>.key} (PKCS#8, 0600) + {@code <name>.pub} (X.509) in {@code dir}. */
    public static void writePair(KeyPair pair, Path dir, String name) {
        writePrivate(pair.getPrivate(), dir.resolve(name + ".key"));
        writePublic(pair.getPublic(), dir.resolve(name + ".pub"));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + PEM_BODY.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String label, String text) {
        String begin = "-----BEGIN " + label + "-----\n";
        String end = "\n-----END " + label + "-----\n";
        if (text == null || !text.startsWith(begin) || !text.endsWith(end) || text.length() < begin.length() + end.length()) {
            throw new IllegalArgumentException("expected a PEM block " + label.trim());
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin.length(), text.length() - end.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM body is not base64", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + file, e);
        }
    }

    private static void write(Path file, String text, boolean secret) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key " + file, e);
        }
    }
}
