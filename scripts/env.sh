# Sourced by the other scripts: the environment the toolchain needs on this kind of machine.
# Debian puts the node modules emcc needs (acorn…) in /usr/share/nodejs, where the machine's
# own Node does not look. (Debian's Emscripten ships its system libraries prebuilt in a frozen
# cache: EM_CACHE must stay unset.)
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
