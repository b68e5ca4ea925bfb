#!/usr/bin/python3
"""
Installs pyNN.engram where `import pyNN.engram` finds it: a symbolic link named `engram` inside
the installed pyNN package (Debian's python3-pynn: /usr/lib/python3/dist-packages/pyNN), pointing
at this checkout's or distribution's pynn/pyNN/engram. The link keeps the package beside the
Engram it starts (the `engram` launcher two folders above it), so that an update of this checkout
updates both.

    sudo /usr/bin/python3 pynn/install.py            # install (or replace an earlier link)
    sudo /usr/bin/python3 pynn/install.py --uninstall
"""

import os
import sys


def main(argv):
    try:
        import pyNN
    except ImportError:
        sys.exit("pyNN is not installed for %s: install Debian's python3-pynn (sudo apt-get install "
                 "python3-pynn python3-neo python3-quantities)" % sys.executable)
    source = os.path.join(os.path.dirname(os.path.realpath(__file__)), "pyNN", "engram")
    target = os.path.join(os.path.dirname(pyNN.__file__), "engram")
    if os.path.lexists(target) and not os.path.islink(target):
        sys.exit("%s exists and is not a link this script made; remove it first" % target)
    try:
        if os.path.islink(target):
            os.remove(target)
        if "--uninstall" in argv:
            print("removed %s" % target)
            return
        os.symlink(source, target)
    except PermissionError:
        sys.exit("cannot write in %s: run this with sudo" % os.path.dirname(target))
    print("installed %s -> %s" % (target, source))


if __name__ == "__main__":
    main(sys.argv[1:])
