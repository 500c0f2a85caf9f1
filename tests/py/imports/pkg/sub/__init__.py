from .. import VERSION as PARENT_VERSION
