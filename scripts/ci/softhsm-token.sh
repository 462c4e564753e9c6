#!/usr/bin/env bash
# SoftHSM2 tokens for the PKCS#11 key custody's tests (HsmIT, Pkcs11CustodyTest), made by the build
# (pom.xml, execution softhsm-token) under target/, never committed: a SoftHSM2 configuration whose token
# folder is there, the token "consentry-it" for the tests and "consentry-it-other" that the tests never log
# in to successfully (a wrong PIN must fail, see docs/operator-guide.md "Keys in an HSM (PKCS#11)").
# The PINs are test values. The tokens are kept while target/ is: the integration-test server's database
# (under target/liberty) holds data keys wrapped by the KEKs in them; mvn clean drops both together.
# Writes <dir>/token.properties (library, slot ids, PIN file) for the tests.
# Usage: scripts/ci/softhsm-token.sh <dir>
set -euo pipefail
dir=$1
mkdir -p "$dir"
if ! command -v softhsm2-util >/dev/null 2>&1; then
    echo "softhsm2-util not found: the PKCS#11 tests will fail (Debian: apt-get install softhsm2 opensc)" >&2
    exit 0
fi
library=""
for candidate in /usr/lib/softhsm/libsofthsm2.so /usr/lib/*/softhsm/libsofthsm2.so /usr/local/lib/softhsm/libsofthsm2.so; do
    if [ -f "$candidate" ]; then library=$candidate; break; fi
done
if [ -z "$library" ]; then
    echo "libsofthsm2.so not found" >&2
    exit 1
fi
dir=$(cd "$dir" && pwd)
export SOFTHSM2_CONF="$dir/softhsm2.conf"
if [ -s "$dir/token.properties" ] && [ -d "$dir/tokens" ]; then
    exit 0
fi
rm -rf "$dir/tokens"
mkdir -p "$dir/tokens"
chmod 700 "$dir/tokens"
cat > "$SOFTHSM2_CONF" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
slot_of() {
    softhsm2-util --init-token --free --label "$1" --pin "$2" --so-pin consentry-test-so-pin \
        | sed -n 's/.*reassigned to slot \([0-9]*\).*/\1/p'
}
slot=$(slot_of consentry-it consentry-test-pin)
other=$(slot_of consentry-it-other consentry-test-other-pin)
umask 077
printf 'consentry-test-pin\n' > "$dir/user.pin"
printf 'consentry-test-wrong-pin\n' > "$dir/wrong.pin"
cat > "$dir/token.properties" <<PROPS
library=$library
slot=$slot
other-slot=$other
pin-file=$dir/user.pin
wrong-pin-file=$dir/wrong.pin
conf=$SOFTHSM2_CONF
PROPS
echo "SoftHSM2 tokens in $dir/tokens: consentry-it (slot $slot), consentry-it-other (slot $other)"
